-- What a switched-off topic was called, in each language it had (lines "<language>=<title>"), so the admin
-- page names it after a restart too, when its plugin has not run since. Empty when unknown.
ALTER TABLE plugin_state ADD COLUMN titles TEXT NOT NULL DEFAULT '';
