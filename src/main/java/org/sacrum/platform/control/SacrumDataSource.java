package org.sacrum.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one application data source. Defaults (META-INF/microprofile-config.properties) give an H2 file
 * database under ./data; setting SACRUM_DB_URL, SACRUM_DB_CLASS, SACRUM_DB_USER and SACRUM_DB_PASSWORD
 * switches the same WAR to PostgreSQL.
 */
@DataSourceDefinition(
        name = SacrumDataSource.JNDI_NAME,
        className = "${MPCONFIG=sacrum.db.class}",
        url = "${MPCONFIG=sacrum.db.url}",
        user = "${MPCONFIG=sacrum.db.user}",
        password = "${MPCONFIG=sacrum.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
@Singleton
public class SacrumDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/sacrum";
}
