-- PostgreSQL only: a check-in number is unique per site and day (V10), no longer per day across every site.
-- (SQLite keeps the old rule, which cannot be dropped there without rebuilding the table: one SQLite database
-- serves one site.)
ALTER TABLE check_in DROP CONSTRAINT check_in_day_number_key;
