-- SQLite serves one site (one kiosk server): its check-in numbers stay unique per day (V1), which implies unique
-- per site and day. PostgreSQL's V11 drops the per-day rule so that sites sharing it number independently.
SELECT 1;
