package dev.rca.telemetry.control;

import dev.rca.telemetry.entity.UploadTelemetryEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** Deletes telemetry rows past their retention, a bounded batch per transaction. */
@Stateless
public class TelemetryRetention {

    @PersistenceContext
    EntityManager em;

    /** Deletes up to {@code max} of the oldest rows created before {@code before}; how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBefore(Instant before, int max) {
        List<Long> ids = em.createNamedQuery(UploadTelemetryEvent.FIND_IDS_BEFORE, Long.class)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(UploadTelemetryEvent.DELETE_IDS).setParameter("ids", ids).executeUpdate();
    }
}
