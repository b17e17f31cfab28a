package io.newsmetrics.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves host names to addresses. The crawler resolves each host once per connection through this, checks
 * every address, and connects to a checked one, so a DNS answer that changes in between cannot reach a
 * refused address. Tests plug in their own names.
 */
@FunctionalInterface
public interface HostResolver {
    /** The system resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * @return every address of the host, never empty
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
