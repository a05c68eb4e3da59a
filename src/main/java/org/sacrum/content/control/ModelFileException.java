package org.sacrum.content.control;

/** A content-model file that is missing or broken: the message names the file and the problem, so a failed deployment says what to fix. */
public class ModelFileException extends RuntimeException {
    private final String file;

    public ModelFileException(String file, String problem) {
        super(ContentModel.ROOT + file + ": " + problem);
        this.file = file;
    }

    /** The file's path under content-model/, such as "schemas/exercise.schema.json". */
    public String file() {
        return file;
    }
}
