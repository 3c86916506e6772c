package footage.jobs.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code footage.export.*}.
 *
 * @param organization the bureau that hands the evidence over: bag-info.txt's Source-Organization (required to export)
 */
@ConfigurationProperties("footage.export")
record ExportProperties(String organization) {
}
