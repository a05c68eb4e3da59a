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
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.control.EntryQueries;
import org.sacrum.content.entity.EntryRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Imports the sample content in content-model/seed on boot: every entry the database lacks (by type, slug and
 * locale) is created as a sample and walked through the real workflow by the demo accounts: published, or, where the
 * manifest says so, stopped at changes-requested with the demo clinician's comments (the sample then shows review
 * catching something). Entries already there are left alone, so a second boot imports nothing. Every seed file must
 * say "sample": true. Production turns this off: SACRUM_SEED_ENABLED=false.
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
        SeedSteps.DemoCrew crew = null; // only when an entry is missing: a restart then writes nothing and hashes nothing
        List<EntryRef> created = new ArrayList<>();
        Map<EntryRef, SeedFile> files = new HashMap<>();
        for (SeedFile file : manifest()) {
            JsonObject content = ContentCodec.withDefaults(file.content());
            EntryRef ref = new EntryRef(file.type(), content.getString("slug"), content.getString("locale"));
            if (entries.find(ref).isEmpty()) {
                crew = crew != null ? crew : steps.demoCrew();
                steps.create(file.type(), content, crew);
                created.add(ref);
                files.put(ref, file);
            }
        }
        // warnings first: an entry can only be published once the warnings it links to are
        created.sort((a, b) -> Boolean.compare(a.type() != ContentType.WARNING, b.type() != ContentType.WARNING));
        for (EntryRef ref : created) {
            SeedFile file = files.get(ref);
            if (file.changesRequested()) {
                steps.requestChanges(ref, crew, file.comments());
            } else {
                steps.review(ref, crew);
            }
        }
        LOG.info(() -> "Seed import: " + created.size() + " sample entries created and reviewed, "
                + (manifest().size() - created.size()) + " already present.");
    }

    /**
     * One line of the manifest: a file name (the entry is published), or {"file", "state": "changes-requested",
     * "comments": [{"field", "comment"}]} for an entry the demo clinician sends back.
     */
    public record SeedFile(ContentType type, String path, String state, List<SeedSteps.Comment> comments) {
        public static final String PUBLISHED = "published";
        public static final String CHANGES_REQUESTED = "changes-requested";

        public boolean changesRequested() {
            return CHANGES_REQUESTED.equals(state);
        }

        /** The file's content; a seed file that does not say "sample": true is refused (the seed is never clinical content). */
        public JsonObject content() {
            JsonObject content = ContentModel.read("seed/" + path).asJsonObject();
            if (!JsonValue.TRUE.equals(content.get("sample"))) {
                throw new IllegalStateException("content-model/seed/" + path + " must say \"sample\": true");
            }
            return content;
        }

        static SeedFile of(ContentType type, JsonValue line) {
            if (line instanceof JsonString name) {
                return new SeedFile(type, type.plural() + "/" + name.getString(), PUBLISHED, List.of());
            }
            JsonObject object = line.asJsonObject();
            String state = object.getString("state", PUBLISHED);
            if (!state.equals(PUBLISHED) && !state.equals(CHANGES_REQUESTED)) {
                throw new IllegalStateException("seed manifest: state must be published or changes-requested: " + object);
            }
            List<SeedSteps.Comment> comments = object.containsKey("comments")
                    ? object.getJsonArray("comments").getValuesAs(JsonObject.class).stream()
                    .map(c -> new SeedSteps.Comment(c.getString("field", ""), c.getString("comment"))).toList()
                    : List.of();
            if (state.equals(CHANGES_REQUESTED) && comments.isEmpty()) {
                throw new IllegalStateException("seed manifest: a change request needs the clinician's comments: " + object);
            }
            return new SeedFile(type, type.plural() + "/" + object.getString("file"), state, comments);
        }

        /** The seed file's name within its type's folder. */
        public String fileName() {
            return path.substring(path.indexOf('/') + 1);
        }
    }

    /** content-model/seed/manifest.json lists the seed files by folder (a WAR's classpath cannot be listed portably). */
    public static List<SeedFile> manifest() {
        JsonObject manifest = ContentModel.read("seed/manifest.json").asJsonObject();
        List<SeedFile> files = new ArrayList<>();
        for (ContentType type : ContentType.values()) {
            manifest.getJsonArray(type.plural()).forEach(line -> files.add(SeedFile.of(type, line)));
        }
        return files;
    }
}
