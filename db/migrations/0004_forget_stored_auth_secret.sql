-- The session signing secret no longer lives in the database (lib/auth/secret.ts keeps a generated
-- one in a 0600 file under DATA_DIR): drop the old copy so later backups stop carrying it.
-- secure_delete overwrites the freed bytes instead of leaving them in a free page of the file.
PRAGMA secure_delete = ON;
--> statement-breakpoint
DELETE FROM `site_meta` WHERE `key` = 'nextauth_secret';
--> statement-breakpoint
PRAGMA secure_delete = OFF;
