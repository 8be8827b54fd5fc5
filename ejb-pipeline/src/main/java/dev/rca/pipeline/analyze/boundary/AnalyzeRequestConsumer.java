package dev.rca.pipeline.analyze.boundary;

import dev.rca.pipeline.boundary.StageRequestConsumer;
import dev.rca.pipeline.entity.Stage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes the analyze stage's requests off AnalyzeRequestQueue. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/AnalyzeRequestQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // Consumers per node: the stage is CPU-bound and each analysis holds up to about 64 MiB of heap
        // (docs/analysis.md); each also holds a database connection beside ingest's and chunk's.
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class AnalyzeRequestConsumer extends StageRequestConsumer {

    @Override
    protected Stage stage() {
        return Stage.ANALYZE;
    }
}
