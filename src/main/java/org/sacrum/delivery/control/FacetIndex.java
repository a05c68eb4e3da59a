package org.sacrum.delivery.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.Content;
import org.sacrum.content.control.Facets;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryWithdrawn;


/**
 * The delivery API's filters (topic, stage, equipment, region, urgency, linked condition) read an index of the
 * published revision's facets, rewritten when an entry is published and cleared when it leaves the public.
 */
@Stateless
public class FacetIndex {
    @PersistenceContext
    EntityManager em;

    /** In the publishing transaction: a filter never sees a publication that did not commit. */
    public void published(@Observes EntryPublished event) {
        index(event.entry(), event.content());
    }

    public void withdrawn(@Observes EntryWithdrawn event) {
        clear(event.entry());
    }

    void index(Entry entry, Content content) {
        clear(entry);
        Facets.facets(content).forEach(f -> em.createNativeQuery("INSERT INTO entry_facet (entry_id, name, val) VALUES (?, ?, ?)")
                .setParameter(1, entry.id()).setParameter(2, f.name()).setParameter(3, f.value()).executeUpdate());
    }

    void clear(Entry entry) {
        em.createNativeQuery("DELETE FROM entry_facet WHERE entry_id = ?").setParameter(1, entry.id()).executeUpdate();
    }

}
