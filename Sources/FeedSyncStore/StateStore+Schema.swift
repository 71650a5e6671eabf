import FeedSyncCore
import Foundation
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
        migrator.registerMigration("v4: compact product rows, bodies apart, a catalog version") { db in
            // Rows with their bodies inline made every lookup, filter scan and seen-mark touch
            // a kilobyte or more; with the bodies in their own table a product row is about
            // 200 bytes. Seen marks now live in memory for the run (RunMarks), so `seen_run`
            // goes. GRDB runs a migration in one transaction: a kill leaves v3 as it was.
            try db.execute(sql: """
                CREATE TABLE product_v4 (
                    id INTEGER PRIMARY KEY,
                    destination TEXT NOT NULL,
                    pid TEXT NOT NULL,
                    source TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    hash INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    url TEXT NOT NULL,
                    price REAL NOT NULL,
                    old_price REAL,
                    in_stock INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    withdrawn INTEGER NOT NULL DEFAULT 0,
                    acked_hash INTEGER,
                    sent_at INTEGER,
                    refused_hash INTEGER,
                    refused_reason TEXT
                );
                INSERT INTO product_v4 (destination, pid, source, origin, hash, name, url, price, old_price, in_stock,
                                        created_at, updated_at, withdrawn, acked_hash, sent_at, refused_hash, refused_reason)
                    SELECT destination, pid, source, origin, hash, name, url, price, old_price, in_stock,
                           created_at, updated_at, withdrawn, acked_hash, sent_at, refused_hash, refused_reason
                    FROM product ORDER BY destination, pid;
                CREATE TABLE product_body (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
                INSERT INTO product_body (id, body)
                    SELECT n.id, p.body FROM product_v4 n JOIN product p ON p.destination = n.destination AND p.pid = n.pid;
                DROP TABLE product;
                ALTER TABLE product_v4 RENAME TO product;
                CREATE UNIQUE INDEX product_key ON product(destination, pid);
                CREATE INDEX product_pending ON product(destination, pid) WHERE acked_hash IS NULL OR acked_hash <> hash;
                CREATE INDEX product_price ON product(destination, price);
                CREATE INDEX product_old_price ON product(destination, old_price);
                CREATE INDEX product_updated_at ON product(destination, updated_at);
                CREATE INDEX product_name ON product(destination, name);
                -- Bumped by every change a webhook reader can see, so the server knows when
                -- its cached result lists are stale whichever process wrote.
                CREATE TABLE catalog_version (version INTEGER NOT NULL);
                INSERT INTO catalog_version VALUES (1);
                CREATE TRIGGER product_inserted AFTER INSERT ON product
                    BEGIN UPDATE catalog_version SET version = version + 1; END;
                CREATE TRIGGER product_updated AFTER UPDATE OF hash, name, url, price, old_price, in_stock,
                    created_at, updated_at, withdrawn ON product
                    BEGIN UPDATE catalog_version SET version = version + 1; END;
                CREATE TRIGGER product_deleted AFTER DELETE ON product
                    BEGIN UPDATE catalog_version SET version = version + 1; END;
                """)
        }
        migrator.registerMigration("v5: content hashes by XXH64", migrate: rehashContent)
        return migrator
    }

    /// Re-hashes every stored product with ``Product/contentHash`` (XXH64 since v5; FNV-1a before).
    ///
    /// The new hash is taken from the stored body, which is what was last read. An
    /// acknowledgement or refusal of that same content (its hash equal to the old one) moves
    /// to the new hash, so an unchanged catalog stays unchanged; one of older content keeps
    /// its old value, which the new hash does not give, so that product is still pending.
    /// A body that no longer decodes is hashed as raw text: it matches no read product, so
    /// the next read replaces it. In batches by id, so memory stays bounded.
    static func rehashContent(_ db: Database) throws {
        let select = try db.makeStatement(sql: """
            SELECT p.id, p.hash, p.acked_hash, p.refused_hash, b.body FROM product p JOIN product_body b ON b.id = p.id
            WHERE p.id > ? ORDER BY p.id LIMIT 1000
            """)
        let update = try db.makeStatement(sql: "UPDATE product SET hash = ?, acked_hash = ?, refused_hash = ? WHERE id = ?")
        let decoder = JSONDecoder()
        let scratch = ContentHashScratch()
        var last: Int64 = 0
        while true {
            let rows = try Row.fetchAll(select, arguments: [last])
            guard let final = rows.last else { return }
            for row in rows {
                let oldHash: Int64 = row[1]
                let body: String = row[4]
                let newHash: Int64
                if let product = try? decoder.decode(Product.self, from: Data(body.utf8)) {
                    newHash = Int64(bitPattern: product.contentHash(scratch: scratch))
                } else {
                    newHash = Int64(bitPattern: XXH64.hash(Array(body.utf8)))
                }
                let acked: Int64? = row[2]
                let refused: Int64? = row[3]
                try update.execute(arguments: [
                    newHash, acked == oldHash ? newHash : acked, refused == oldHash ? newHash : refused, row[0] as Int64,
                ])
            }
            last = final[0]
        }
    }
}
