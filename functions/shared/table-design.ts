// The single table's key schema, shared by the CDK stack and the local server so
// both create exactly the same table. Every access pattern is a Query on the
// base table or one of these indexes; nothing on a request or job path scans.
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
  purpose: string;
}

export const INDEXES: readonly IndexDesign[] = [
  {
    name: 'GSI1',
    partitionKey: 'GSI1PK',
    sortKey: 'GSI1SK',
    purpose: 'per-facility listings: facilities, stays by day 1, reminders (by creation), unmatched lab results (by last update); retention reads the oldest reminders and unmatched samples here',
  },
  {
    name: 'GSI2',
    partitionKey: 'GSI2PK',
    sortKey: 'GSI2SK',
    purpose: 'lookups by alternate key: stays by travel document, free rooms (sparse)',
  },
  {
    name: 'GSI3',
    partitionKey: 'GSI3PK',
    sortKey: 'GSI3SK',
    purpose: 'open due items by facility, kind and due date (sparse): what scheduled jobs read',
  },
] as const;

export type IndexName = 'GSI1' | 'GSI2' | 'GSI3';
