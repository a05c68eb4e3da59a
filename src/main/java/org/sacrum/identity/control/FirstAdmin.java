package org.sacrum.identity.control;

import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.audit.control.AuditLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On first boot (nobody holds the admin role) creates the account "admin". Its password comes from
 * SACRUM_ADMIN_PASSWORD or is generated, logged once and written to {data dir}/initial-admin-password.txt.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class FirstAdmin {
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    People people;
    @Inject
    AuditLog audit;
    @Inject
    @ConfigProperty(name = "sacrum.admin.password")
    Optional<String> configuredPassword;
    @Inject
    @ConfigProperty(name = "sacrum.data.dir", defaultValue = "./data")
    String dataDir;

    @PostConstruct
    void ensureAdmin() {
        if (people.anyoneHas(Role.ADMIN)) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::generate);
        Person admin = new Person("admin", "Administrator", EnumSet.of(Role.ADMIN), false);
        people.create(admin, password);
        audit.record("system", "person-create", "first admin account 'admin'");
        if (configuredPassword.filter(p -> !p.isBlank()).isEmpty()) {
            Path file = Path.of(dataDir, "initial-admin-password.txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, password + System.lineSeparator());
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the file keeps the default permissions
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.warning("Created the first admin account: username 'admin', one-time password " + password
                    + " (also in " + file.toAbsolutePath() + "). Sign in and replace it.");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
