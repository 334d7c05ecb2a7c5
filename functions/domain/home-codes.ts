// Problem codes of home isolation, merged into the API's lists (schemas/responses/problem.ts).

export const HOME_ISSUE_CODES = ['no_team_for_grid_cell', 'unknown_team', 'not_home_programme'] as const;

export const HOME_REASON_CODES = [
  // The release gate's own (its other codes are the hotel release's: domain/home-release.ts).
  'before_end_date',
  'end_check_missing',
  'end_check_not_fit',
  'team_exists',
  'grid_cell_taken',
  'team_changed',
  'not_a_home_stay',
  'not_a_hotel_stay',
  'same_team',
  'not_team_doctor',
  'home_programme_has_no_rooms',
] as const;
