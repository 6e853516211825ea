package dev.arbiter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** HikariCP pool construction for {@link Database}; stateless. */
final class Pools {
    private Pools() {}

    static HikariDataSource create(DatabaseConfig config, String url, @Nullable String initSql) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("arbiter-db");
        hc.setJdbcUrl(url);
        hc.setUsername(config.user());
        hc.setPassword(config.dataDir() != null ? EmbeddedSecret.password(config.dataDir()) : config.password());
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setMinimumIdle(config.maxPoolSize()); // a fixed pool, as HikariCP recommends
        hc.setConnectionTimeout(10_000);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (initSql != null) {
            hc.setConnectionInitSql(initSql);
        }
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + config + ": " + rootMessage(e), e);
        }
    }

    static String synchronousCommit(HikariDataSource ds) {
        return Jdbi.create(ds)
                .withHandle(h -> h.createQuery("SHOW synchronous_commit")
                        .mapTo(String.class)
                        .one());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
