import SQLite

/// The service's tables: the job queue, stored results and their histograms.
enum AppSchema {
    static let migrations = [
        SQLiteMigration("1-jobs-results", sql: """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                query TEXT NOT NULL,
                query_path TEXT NOT NULL,
                result_key TEXT NOT NULL,
                status TEXT NOT NULL,
                progress TEXT NOT NULL,
                error TEXT,
                client TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                created REAL NOT NULL,
                updated REAL NOT NULL
            );
            CREATE INDEX jobs_status ON jobs (status, created);
            CREATE INDEX jobs_result ON jobs (result_key);
            CREATE INDEX jobs_client ON jobs (client, status);
            CREATE TABLE results (
                key TEXT PRIMARY KEY,
                query TEXT NOT NULL,
                query_path TEXT NOT NULL,
                config_version TEXT NOT NULL,
                tool_version TEXT NOT NULL,
                directory TEXT NOT NULL,
                report TEXT NOT NULL,
                created REAL NOT NULL
            );
            CREATE INDEX results_path ON results (query_path, created);
            CREATE TABLE histograms (
                result_key TEXT NOT NULL REFERENCES results (key) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                path TEXT NOT NULL,
                status TEXT NOT NULL,
                display INTEGER NOT NULL,
                result TEXT NOT NULL,
                PRIMARY KEY (result_key, path)
            );
            """),
    ]
}
