package org.sacrum.delivery.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates facet_count rows on their own, so that the publications counting in them never race on the INSERT. */
@Stateless
public class FacetCountRows {
    @PersistenceContext
    EntityManager em;

    /**
     * Makes sure the row of this value exists (total 0 when new), committed at once; throws when a concurrent
     * call created it first (a duplicate key), which the caller takes as done.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(String contentType, String locale, String name, String value) {
        em.createNativeQuery("INSERT INTO facet_count (content_type, locale, name, val, total) SELECT ?, ?, ?, ?, 0"
                        + " FROM (VALUES (1)) one WHERE NOT EXISTS (SELECT 1 FROM facet_count WHERE content_type = ? AND locale = ?"
                        + " AND name = ? AND val = ?)")
                .setParameter(1, contentType).setParameter(2, locale).setParameter(3, name).setParameter(4, value)
                .setParameter(5, contentType).setParameter(6, locale).setParameter(7, name).setParameter(8, value)
                .executeUpdate();
    }
}
