package io.hookline.dispatcher.attempt;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource behind a switch: while {@link #down(boolean) down}, every new connection is refused
 * as by a database that is away (no connection is handed out of the pool). {@link #raw()} reaches the database
 * anyway, for the test's own checks. Installed by {@link Installer}, a bean post-processor. Thread-safe.
 */
final class SwitchableDataSource extends DelegatingDataSource {

    private volatile boolean down;

    SwitchableDataSource(DataSource target) {
        super(target);
    }

    void down(boolean down) {
        this.down = down;
    }

    DataSource raw() {
        return obtainTargetDataSource();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileDown();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileDown();
        return super.getConnection(username, password);
    }

    private void refuseWhileDown() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("test outage: the database refuses connections", "08001");
        }
    }

    /** Wraps the application's DataSource bean. */
    static final class Installer implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof SwitchableDataSource)
                    ? new SwitchableDataSource(dataSource) : bean;
        }
    }
}
