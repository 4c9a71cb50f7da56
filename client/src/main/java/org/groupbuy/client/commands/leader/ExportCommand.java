package org.groupbuy.client.commands.leader;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groupbuy.client.backoffice.BackOfficeLedger;
import org.groupbuy.client.backoffice.ExportTable;
import org.groupbuy.client.backoffice.TableFile;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.ledger.LedgerSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A back-office export: reads the group buy, builds one table, writes it as CSV or XLSX. */
abstract class ExportCommand extends LedgerCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID", description = "the group buy, e.g. GB-7")
    String groupBuyId;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx",
            description = "file format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here (replaced); without it CSV goes to stdout")
    Path out;

    /** The table, from the ledger as this identity sees it. */
    protected abstract ExportTable table(BackOfficeLedger ledger) throws Exception;

    /** Called after the file was written, e.g. to print a summary; nothing by default. */
    protected void written(ExportTable table) {
    }

    @Override
    protected void run(LedgerSession session) throws Exception {
        TableFile file;
        try {
            file = TableFile.named(format);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("BAD_FORMAT", "--format must be csv or xlsx, got " + format);
        }
        if (out == null && file == TableFile.XLSX) {
            throw CliFailure.usage("NO_OUT", "--format xlsx needs --out FILE (a workbook is not written to a terminal)");
        }
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw CliFailure.usage("NO_OUT", "the folder of --out " + out + " does not exist");
        }
        ExportTable table = table(BackOfficeLedger.of(session));
        if (out == null) {
            out().print(new String(TableFile.CSV.bytes(table), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            file.write(table, out);
            err().println("wrote " + table.rows().size() + " row(s) of " + table.sheetName() + " for " + groupBuyId
                    + " to " + out);
        }
        written(table);
    }
}
