package org.recoup.app.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and changes the queue routing (bucket → team) and the lock timeout. */
@RestController
@RequestMapping("/api/v1/config/queue-routing")
@Tag(name = "Configuration")
class QueueRoutingController {

    private final QueueRouting routing;

    QueueRoutingController(QueueRouting routing) {
        this.routing = routing;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The queue routing in force: {version, routes: [{team, buckets}], lockMinutes}")
    QueueRouting.Versioned current() {
        return routing.current();
    }

    @GetMapping(path = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All stored versions of the queue routing")
    List<Integer> versions() {
        return routing.versions();
    }

    @GetMapping(path = "/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stored version of the queue routing")
    QueueRouting.Versioned version(@PathVariable int version) {
        return routing.version(version);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the queue routing",
            description = "Body {\"routes\": [{\"team\": \"early\", \"buckets\": [\"M0\", \"M1\", \"M2\"]}, …], "
                    + "\"lockMinutes\": 15}. Buckets must be buckets of the delinquency policy in force, each routed "
                    + "to one team at most (a bucket no route names stays with supervisors to assign); lockMinutes "
                    + "1–480. Validated on save (400 naming the field); applies to cases routed from the next run. "
                    + "Roles: ADMIN, SUPERVISOR.")
    QueueRouting.Versioned save(@RequestBody String document, Principal principal) {
        return routing.save(document, principal.getName());
    }
}
