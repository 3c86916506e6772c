package footage.jobs.retention;

import footage.jobs.FootageProperties;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The catalog's rows and the object stores' files at one moment, put back before each test so that each test starts
 * from the ingested catalog whatever ran before it: ingesting again per test would cost seconds each. Spring Batch's
 * and Quartz's tables are left alone (no test reads them); the ledger is put back too, with its append-only trigger
 * switched off for that session on PostgreSQL (the test user is a superuser).
 */
final class CatalogSnapshot {

    private final DataSource dataSource;
    private final Map<String, List<Map<String, Object>>> tables;
    private final Map<Path, Path> stores;

    private CatalogSnapshot(DataSource dataSource, Map<String, List<Map<String, Object>>> tables, Map<Path, Path> stores) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.stores = stores;
    }

    static CatalogSnapshot take(DataSource dataSource, FootageProperties properties, Path into) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : catalogTables(c)) {
                tables.put(table, rows(c, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the catalog: " + e.getMessage(), e);
        }
        Map<Path, Path> stores = new LinkedHashMap<>();
        for (Path store : List.of(properties.archive(), properties.proxies(), properties.expired())) {
            Path copy = into.resolve("snapshot-" + stores.size());
            copyTree(store, copy);
            stores.put(store, copy);
        }
        return new CatalogSnapshot(dataSource, tables, stores);
    }

    void restore() {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // foreign keys (and on PostgreSQL the ledger's trigger) would refuse the rows' order and the deletes
                s.execute(postgres ? "SET session_replication_role = replica" : "SET REFERENTIAL_INTEGRITY FALSE");
                for (String table : tables.keySet()) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                for (Map.Entry<String, List<Map<String, Object>>> t : tables.entrySet()) {
                    insert(c, t.getKey(), t.getValue());
                }
                c.commit();
                s.execute(postgres ? "SET session_replication_role = DEFAULT" : "SET REFERENTIAL_INTEGRITY TRUE");
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not put the catalog back: " + e.getMessage(), e);
        }
        stores.forEach((store, copy) -> {
            deleteContents(store);
            copyTree(copy, store);
        });
    }

    private static List<String> catalogTables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("qrtz_") && !lower.startsWith("batch_") && !lower.startsWith("flyway_")) {
                    names.add(name);
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    private static List<Map<String, Object>> rows(Connection c, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection c, String table, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    p.setObject(i + 1, row.get(columns.get(i)));
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            Files.createDirectories(to);
            if (!Files.exists(from)) {
                return;
            }
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteContents(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
