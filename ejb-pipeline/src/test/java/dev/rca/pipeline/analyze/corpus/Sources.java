package dev.rca.pipeline.analyze.corpus;

import java.util.ArrayList;
import java.util.List;

/** Every layout of the corpus, in a fixed order: new instances each time, so that generating keeps no state. */
final class Sources {

    private Sources() {
    }

    static List<Source> all() {
        List<Source> all = new ArrayList<>();
        all.addAll(JvmSources.all());
        all.addAll(SystemSources.all());
        all.addAll(CloudSources.all());
        return all;
    }
}
