package dev.arbiter.store;

/**
 * What every contract suite needs: the database under test and its clock. Concrete suites (H2, PostgreSQL)
 * open one database per class; tests isolate themselves with fresh tenant ids.
 */
public interface StoreContract {
    Database db();

    MutableClock clock();
}
