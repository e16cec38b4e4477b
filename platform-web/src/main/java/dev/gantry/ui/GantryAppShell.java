package dev.gantry.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/** One look for the whole portal: Lumo plus a few rules of our own (styles.css). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "Gantry", shortName = "Gantry", offline = false)
public class GantryAppShell implements AppShellConfigurator {
}
