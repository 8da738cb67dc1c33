package io.hookline.dispatcher.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the operator console: a static page ({@code static/console/}) that calls the admin API with the
 * token the operator enters. The page itself holds no data and no secret, so it needs no credential; every
 * API call it makes does.
 */
@Controller
class ConsoleController {

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }
}
