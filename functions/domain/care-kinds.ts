// The closed lists of the care records, in a module without DynamoDB: the request
// schemas (and so GET /openapi.json, which has no table access) use them too.

export const SITUATION_KINDS = ['medical_transfer', 'psychological_support', 'complaint', 'other'] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

export const DEPARTURE_MODES = ['flight', 'train', 'bus', 'car'] as const;
export type DepartureMode = (typeof DEPARTURE_MODES)[number];
