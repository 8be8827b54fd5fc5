package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.Stage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The work registered for each queued stage of {@link Stage}. Checked when the application starts: a declared stage
 * without its work, or with two, stops the deployment instead of dead-lettering every request later.
 */
@ApplicationScoped
public class StageRegistry {

    @Inject
    @Any
    Instance<QueuedStage> registered;

    private final Map<Stage, QueuedStage> work = new EnumMap<>(Stage.class);

    @PostConstruct
    void collect() {
        for (QueuedStage stage : registered) {
            Stage name = stage.stage();
            if (work.put(name, stage) != null) {
                throw new IllegalStateException("stage " + name.label() + " is registered twice");
            }
        }
        Set<Stage> missing = missing(work.keySet(), Stage.queued());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("declared stages without a registered QueuedStage: " + missing);
        }
    }

    /** Collects (and so checks) the stages at start-up rather than at the first request. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        work.size();
    }

    public QueuedStage work(Stage stage) {
        return work.get(stage);
    }

    static Set<Stage> missing(Set<Stage> registered, List<Stage> declared) {
        return declared.stream().filter(stage -> !registered.contains(stage))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
    }
}
