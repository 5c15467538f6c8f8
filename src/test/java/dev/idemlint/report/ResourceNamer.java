package dev.idemlint.report;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/** Keeps an approved snapshot in a resources directory rather than beside the test class. */
public record ResourceNamer(Path dir, String name) implements ApprovalNamer {
    @Override
    public File getApprovedFile(String ext) {
        return dir.resolve(name + ".approved" + ext).toFile();
    }

    @Override
    public File getReceivedFile(String ext) {
        return dir.resolve(name + ".received" + ext).toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
        return this;
    }

    @Override
    public String getApprovalName() {
        return name;
    }

    @Override
    public String getSourceFilePath() {
        return dir + File.separator;
    }
}
