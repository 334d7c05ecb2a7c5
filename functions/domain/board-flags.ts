// The states a board tile shows, most urgent first (use-cases/room-board.ts computes
// them; a DB-free module so the response schema can list them).
export const BOARD_FLAGS = ['positive', 'alert', 'missing', 'retest_due', 'release_due', 'expired'] as const;
export type BoardFlag = (typeof BOARD_FLAGS)[number];
