// What a person may ask staff for from their own page, and where a request stands.
// Apart from the entity so the API schemas (and the OpenAPI bundle) carry no table client.
export const REQUEST_KINDS = ['meal', 'parcel', 'return_travel', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['open', 'in_progress', 'done', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
