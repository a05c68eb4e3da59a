package org.sacrum.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** Integration tests deploy the real artifact that `mvn package` built, not a hand-picked subset of classes. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive sacrumWar() {
        File war = new File("target/sacrum.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/sacrum.war is missing: run the tests with `mvn verify`");
        }
        return ShrinkWrap.create(ZipImporter.class, "sacrum.war").importFrom(war).as(WebArchive.class);
    }
}
