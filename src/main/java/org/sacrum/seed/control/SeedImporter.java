package org.sacrum.seed.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.control.EntryQueries;
import org.sacrum.content.entity.EntryRef;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Imports the sample content in content-model/seed on boot: every entry the database lacks (by type, slug and
 * locale) is created as a sample and walked through the real workflow by the demo accounts. Entries already
 * there are left alone, so a second boot imports nothing. Production turns this off: SACRUM_SEED_ENABLED=false.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "FirstAdmin", "ContentModelLoader"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeedImporter {
    private static final Logger LOG = Logger.getLogger(SeedImporter.class.getName());

    @Inject
    @ConfigProperty(name = "sacrum.seed.enabled", defaultValue = "true")
    boolean enabled;
    @Inject
    EntryQueries entries;
    @Inject
    SeedSteps steps;

    @PostConstruct
    void importSeed() {
        if (!enabled) {
            LOG.info("Seed import is off (sacrum.seed.enabled=false).");
            return;
        }
        SeedSteps.DemoCrew crew = steps.demoCrew();
        List<EntryRef> created = new ArrayList<>();
        for (SeedFile file : manifest()) {
            JsonObject content = ContentCodec.withDefaults(ContentModel.read("seed/" + file.path()).asJsonObject());
            EntryRef ref = new EntryRef(file.type(), content.getString("slug"), content.getString("locale"));
            if (entries.find(ref).isEmpty()) {
                steps.create(file.type(), content, crew);
                created.add(ref);
            }
        }
        // warnings first: an entry can only be published once the warnings it links to are
        created.sort((a, b) -> Boolean.compare(a.type() != ContentType.WARNING, b.type() != ContentType.WARNING));
        for (EntryRef ref : created) {
            steps.review(ref, crew);
        }
        LOG.info(() -> "Seed import: " + created.size() + " sample entries created and published, "
                + (manifest().size() - created.size()) + " already present.");
    }

    record SeedFile(ContentType type, String path) {
    }

    /** content-model/seed/manifest.json lists the seed files by folder (a WAR's classpath cannot be listed portably). */
    static List<SeedFile> manifest() {
        JsonObject manifest = ContentModel.read("seed/manifest.json").asJsonObject();
        List<SeedFile> files = new ArrayList<>();
        for (ContentType type : ContentType.values()) {
            manifest.getJsonArray(type.plural()).getValuesAs(JsonString.class)
                    .forEach(name -> files.add(new SeedFile(type, type.plural() + "/" + name.getString())));
        }
        return files;
    }
}
