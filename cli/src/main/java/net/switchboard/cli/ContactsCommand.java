package net.switchboard.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.dht.identity.PrintedId.InvalidIdException;
import net.switchboard.overlay.contacts.AdminPortFile;
import net.switchboard.overlay.contacts.ContactBook;
import net.switchboard.overlay.contacts.ContactsFile;
import net.switchboard.signaling.contact.AccessList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard contacts add|list|remove}: the node's contacts (its allow list in restricted
 * mode), kept in {@code contacts.json} in the data directory and written atomically. A running node
 * on the same data directory is told to reload at once (its admin API); otherwise it notices the
 * change within seconds, or at its next start.
 */
@Command(
    name = "contacts",
    mixinStandardHelpOptions = true,
    description = {
      "Manages your contacts: the allow list of 'switchboard node --restricted' (only they can read "
          + "your contact record's routes).",
      "Kept in DIR/contacts.json; a running node on DIR picks up every change and republishes its record.",
    },
    subcommands = {ContactsCommand.Add.class, ContactsCommand.List.class, ContactsCommand.Remove.class,
        CommandLine.HelpCommand.class})
public final class ContactsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data", scope = CommandLine.ScopeType.INHERIT,
      description = "The node's data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: one of add, list, remove");
  }

  ContactsFile file() {
    return ContactsFile.in(dataDir);
  }

  /** Asks a running node on the data directory to reload; returns what to tell the user. */
  String notifyNode() {
    OptionalInt port = AdminPortFile.read(dataDir);
    if (port.isEmpty()) {
      return "no node running on " + dataDir + ": takes effect when it starts";
    }
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + "/contacts/reload"))
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        JsonObject body = new JsonObject(r.body());
        return "the running node reloaded its contacts"
            + (Boolean.TRUE.equals(body.getBoolean("restricted")) ? " and republished its contact record" : "");
      }
      return "the running node did not reload (HTTP " + r.statusCode() + "): " + r.body();
    } catch (IOException | RuntimeException e) {
      return "no node answers on admin port " + port.getAsInt() + ": takes effect when it starts";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static String canonical(CommandSpec spec, String id) {
    try {
      return PrintedId.encode(PrintedId.decode(id));
    } catch (InvalidIdException e) {
      throw new ParameterException(spec.commandLine(), "invalid id: " + e.getMessage());
    }
  }

  /** {@code contacts add ID [--name N]}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds ID to your contacts (or renames it when already there).")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand ContactsCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "The contact's printed id.")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "A name to show for the contact.")
    String name;

    @Override
    public Integer call() throws IOException {
      String printed = canonical(spec, id);
      ContactBook.Entry entry;
      try {
        entry = ContactBook.Entry.of(printed, name);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--name: " + e.getMessage());
      }
      boolean[] existed = {false};
      parent.file().update(book -> {
        existed[0] = book.find(printed).isPresent();
        if (!existed[0] && book.size() >= AccessList.MAX_CONTACTS) {
          throw new CliException("cannot add: a contact record carries at most " + AccessList.MAX_CONTACTS
              + " contacts, and " + parent.file().path() + " has " + book.size());
        }
        return book.with(entry);
      });
      PrintWriter err = spec.commandLine().getErr();
      spec.commandLine().getOut().println((existed[0] ? "updated " : "added ") + label(entry));
      err.println(parent.notifyNode());
      return 0;
    }
  }

  /** {@code contacts list [--json]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your contacts.")
  static final class List implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand ContactsCommand parent;

    @Option(names = "--json", description = "Print the contacts file's JSON ({version, contacts: [{id, name}]}).")
    boolean json;

    @Override
    public Integer call() throws IOException {
      ContactBook book = parent.file().load();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(book.toJson().encode());
      } else if (book.size() == 0) {
        spec.commandLine().getErr().println("no contacts in " + parent.file().path());
      } else {
        for (ContactBook.Entry e : book.entries()) {
          out.println(e.name() == null ? e.id() : e.id() + "  " + e.name());
        }
      }
      return 0;
    }
  }

  /** {@code contacts remove ID}. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Removes a contact, given its id (or its name when unique).")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand ContactsCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "The contact's printed id, or its name.")
    String id;

    @Override
    public Integer call() throws IOException {
      boolean looksLikeId = id.strip().length() == PrintedId.LENGTH;
      String printed = looksLikeId ? canonical(spec, id) : null;
      Optional<ContactBook.Entry>[] removed = new Optional[] {Optional.empty()};
      parent.file().update(book -> {
        removed[0] = book.find(printed != null ? printed : id);
        return removed[0].map(e -> book.without(e.id())).orElse(book);
      });
      if (removed[0].isEmpty()) {
        return ErrorOutput.fail(spec.qualifiedName(), ExitCode.NOT_FOUND, "not in your contacts: " + id, false,
            spec.commandLine().getOut(), spec.commandLine().getErr());
      }
      spec.commandLine().getOut().println("removed " + label(removed[0].get()));
      spec.commandLine().getErr().println(parent.notifyNode());
      return 0;
    }
  }

  private static String label(ContactBook.Entry e) {
    return e.name() == null ? e.id() : e.id() + " (" + e.name() + ")";
  }
}
