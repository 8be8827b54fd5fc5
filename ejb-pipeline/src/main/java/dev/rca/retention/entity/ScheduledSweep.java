package dev.rca.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A sweep that must run on one node at a time: the node that holds this row's lock runs it, and records when and
 * where it last ran so that the other nodes skip the rest of the interval.
 */
@Entity
@Table(name = "scheduled_sweeps")
public class ScheduledSweep {

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_node")
    private String lastNode;

    protected ScheduledSweep() {
    }

    public void ran(Instant at, String node) {
        this.lastRunAt = at;
        this.lastNode = node;
    }

    public String getName() {
        return name;
    }

    public Instant getLastRunAt() {
        return lastRunAt;
    }

    public String getLastNode() {
        return lastNode;
    }
}
