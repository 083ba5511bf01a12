package org.seiche.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.seiche.segy.SegyInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `fwi segy info FILE`: the headers' summary, read without starting the framework. */
@Command(name = "segy", mixinStandardHelpOptions = true, description = "SEG-Y files.", subcommands = SegyCommand.Info.class)
final class SegyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Prints traces, samples, sample interval, sample format,"
            + " byte order, revision, coordinate ranges and shots of a SEG-Y file.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the SEG-Y file")
        Path file;

        @Override
        public Integer call() {
            System.out.print(SegyInfo.describe(file));
            return 0;
        }
    }
}
