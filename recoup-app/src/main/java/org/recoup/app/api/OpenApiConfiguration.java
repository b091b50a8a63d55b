package org.recoup.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI document metadata: the API is described at /v3/api-docs and authenticated with HTTP Basic. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI recoupOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Recoup API").version("v1")
                        .description("Collections and recovery: debt file import, delinquency states, daily runs, payments.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
