// Codes the manifest import, rooms and readiness add to the problem contract
// (functions/schemas/responses/problem.ts spreads them into its lists).

/** 400 field issues: the file, its columns and cells, a floor. */
export const MANIFEST_ISSUE_CODES = [
  'file_encoding_unknown',
  'file_format_xls',
  'file_unreadable',
  'file_empty',
  'header_not_found',
  'column_twice',
  'column_missing',
  'file_no_rows',
  'row_not_in_file',
  'unknown_floor',
  'date_format',
  'date_invalid',
  'datetime_format',
  'datetime_invalid',
  'sex_value',
  'document_type_value',
  'language_value',
  'category_value',
  'country_value',
  'condition_value',
] as const;

/** 409 reasons: beds, households and room readiness. */
export const ROOM_REASON_CODES = [
  'duplicate_in_file',
  'unknown_room',
  'room_full',
  'room_other_household',
  'room_not_ready',
  'room_needs_inspection',
  'room_not_ready_to_free',
] as const;
