import GRDB

extension StateStore {
    /// The versioned schema; a new version is a new migration, never an edit of an old one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: products, categories, runs") { db in
            try db.execute(sql: """
                CREATE TABLE product (
                    destination TEXT NOT NULL,
                    pid TEXT NOT NULL,
                    source TEXT NOT NULL,
                    origin TEXT NOT NULL,          -- file:line of the record it came from
                    hash INTEGER NOT NULL,         -- content hash of the current product
                    body TEXT NOT NULL,            -- the product as Affili JSON
                    name TEXT NOT NULL,
                    url TEXT NOT NULL,
                    price REAL NOT NULL,
                    old_price REAL,
                    in_stock INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,   -- epoch seconds
                    updated_at INTEGER NOT NULL,
                    seen_run INTEGER NOT NULL,     -- the last run whose read included it
                    withdrawn INTEGER NOT NULL DEFAULT 0, -- 1: re-sent out of stock; 2: kept as it was
                    acked_hash INTEGER,            -- the content the destination acknowledged
                    sent_at INTEGER,
                    refused_hash INTEGER,          -- content the destination refused (400/422)
                    refused_reason TEXT,
                    PRIMARY KEY (destination, pid)
                ) WITHOUT ROWID;
                CREATE INDEX product_pending ON product(destination, pid)
                    WHERE acked_hash IS NULL OR acked_hash <> hash;
                CREATE INDEX product_seen ON product(destination, seen_run);
                CREATE TABLE product_category (
                    destination TEXT NOT NULL,
                    pid TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    cid TEXT NOT NULL,
                    name TEXT NOT NULL,
                    url TEXT NOT NULL,
                    parent_cid TEXT,
                    is_primary INTEGER NOT NULL,
                    PRIMARY KEY (destination, pid, position)
                ) WITHOUT ROWID;
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    destination TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    outcome TEXT,
                    report TEXT
                );
                CREATE TABLE run_source (
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    source TEXT NOT NULL,
                    complete INTEGER NOT NULL,
                    PRIMARY KEY (run_id, source)
                );
                """)
        }
        migrator.registerMigration("v2: indexes for the webhook's filters") { db in
            try db.execute(sql: """
                CREATE INDEX product_price ON product(destination, price);
                CREATE INDEX product_old_price ON product(destination, old_price);
                CREATE INDEX product_updated_at ON product(destination, updated_at);
                CREATE INDEX product_name ON product(destination, name);
                CREATE INDEX product_category_cid ON product_category(destination, cid);
                """)
        }
        migrator.registerMigration("v3: a key-only index for paging the whole catalog") { db in
            // The product rows hold their JSON bodies, so skipping rows for OFFSET through
            // the table reads every body it skips; this index holds the keys alone.
            try db.execute(sql: "CREATE INDEX product_keys ON product(destination, pid)")
        }
        return migrator
    }
}
