package dev.gantry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Gantry: turns written deployment and operations policy into enforced practice with evidence. */
@SpringBootApplication
@Modulithic(systemName = "Gantry", sharedModules = "domain")
public class GantryApplication {

    public static void main(String[] args) {
        SpringApplication.run(GantryApplication.class, args);
    }
}
