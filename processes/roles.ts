// The roles a user of the platform holds (vai trò), one home for all: the store's user model, the API's access
// rules and schemas, the seed and the web app's navigation import them from here.
/** admin: accounts and settings; designer: procedures and forms; officer (cán bộ) and leader (lãnh đạo): the
 * agency's dossiers and tasks; citizen (công dân): their own filings. */
export const ROLES = ['admin', 'designer', 'officer', 'leader', 'citizen'] as const;
export type Role = (typeof ROLES)[number];
