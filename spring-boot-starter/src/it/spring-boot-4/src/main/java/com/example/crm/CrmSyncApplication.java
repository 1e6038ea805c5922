package com.example.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's application that talks to HubSpot through the starter. */
@SpringBootApplication
public class CrmSyncApplication {

  public static void main(String[] args) {
    SpringApplication.run(CrmSyncApplication.class, args);
  }
}
