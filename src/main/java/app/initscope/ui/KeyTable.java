package app.initscope.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's commands and their keys, in one table: the key handler, the menus and the help overlay all read it,
 * so a key cannot be listed in one place and missing in another.
 *
 * <p>A command with a modifier combination ({@code Ctrl+E}) works everywhere, even while a field has the focus,
 * and its menu item shows it as an accelerator. A plain key ({@code H}, {@code Space}) works only while no field
 * takes typing, so it is not a menu accelerator (that would fire while typing); its menu item names it instead.
 */
final class KeyTable {

    /**
     * One command.
     *
     * @param id       a stable name, e.g. {@code export-view}; also the menu item's node id
     * @param keys     the keys as the help lists them, e.g. {@code Ctrl+E}, or null for a command with no key
     * @param help     what it does, for the help overlay
     * @param menuText the menu item's text, or null when the command is in no menu
     * @param matches  whether a key press is this command's; null for a command with no key
     * @param accelerator the menu accelerator (modifier combinations only), or null
     * @param action   what it does, given the key press (null when it comes from a menu)
     */
    record Command(String id, String keys, String help, String menuText, Predicate<KeyEvent> matches,
                   KeyCombination accelerator, Consumer<KeyEvent> action) {

        /** Whether the command works while a field takes typing (it needs a modifier, or is F11). */
        boolean worksWhileTyping() {
            return accelerator != null;
        }
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** A command bound to a modifier combination, e.g. {@code "shortcut+E"}: works everywhere. */
    KeyTable combination(String id, String combination, String help, String menuText, Runnable action) {
        KeyCombination k = KeyCombination.keyCombination(combination);
        return add(new Command(id, k.getDisplayText(), help, menuText, k::match, k, e -> action.run()));
    }

    /** A command on a plain key, e.g. {@code H}: works only when no field takes typing. */
    KeyTable plain(String id, KeyCode code, String help, String menuText, Runnable action) {
        return add(new Command(id, code.getName(), help, menuText,
                e -> e.getCode() == code && !e.isShortcutDown() && !e.isControlDown() && !e.isAltDown()
                        && !e.isMetaDown(), null, e -> action.run()));
    }

    /** A command on keys that one code does not describe (a range of digits, a typed character). */
    KeyTable custom(String id, String keys, Predicate<KeyEvent> matches, String help, String menuText,
                    Consumer<KeyEvent> action) {
        return add(new Command(id, keys, help, menuText, matches, null, action));
    }

    /** A line of the help that sums up keys whose commands are listed without help of their own. */
    KeyTable helpOnly(String id, String keys, String help) {
        return add(new Command(id, keys, help, null, null, null, e -> { }));
    }

    /** A command with no key of its own, for a menu. */
    KeyTable menuOnly(String id, String menuText, Runnable action) {
        return add(new Command(id, null, null, menuText, null, null, e -> action.run()));
    }

    private KeyTable add(Command c) {
        if (commands.putIfAbsent(c.id(), c) != null) {
            throw new IllegalArgumentException("a command is listed twice: " + c.id());
        }
        return this;
    }

    /** The command with this id. */
    Command get(String id) {
        Command c = commands.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no command " + id);
        }
        return c;
    }

    /** Every command that has a key, in table order: what the help lists. */
    List<Command> withKeys() {
        List<Command> list = new ArrayList<>();
        for (Command c : commands.values()) {
            if (c.keys() != null && c.help() != null) {
                list.add(c);
            }
        }
        return list;
    }

    /**
     * Runs the first command that this key press is for, and consumes the event.
     *
     * @param typing whether a field takes the keys: then only commands that work while typing run
     * @return whether a command ran
     */
    boolean handle(KeyEvent e, boolean typing) {
        for (Command c : commands.values()) {
            if (c.matches() != null && (!typing || c.worksWhileTyping()) && c.matches().test(e)) {
                c.action().accept(e);
                e.consume();
                return true;
            }
        }
        return false;
    }

    /**
     * The menu item of a command: its text, its accelerator (a modifier combination) or, for a plain key, the
     * key after the text; its id is the command's.
     */
    MenuItem menuItem(String id) {
        Command c = get(id);
        String text = c.menuText() == null ? c.help() : c.menuText();
        boolean namesKey = c.accelerator() == null && c.keys() != null && c.matches() != null;
        MenuItem item = new MenuItem(namesKey ? text + "    " + c.keys() : text);
        item.setId(c.id());
        item.setMnemonicParsing(false);        // "fan_in" keeps its underscore
        if (c.accelerator() != null) {
            item.setAccelerator(c.accelerator());
        }
        item.setOnAction(e -> c.action().accept(null));
        return item;
    }
}
