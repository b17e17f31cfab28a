/**
 * The HTTP server every newsmetrics process serves its routes on: Jetty underneath, handlers written against
 * the JDK's {@code com.sun.net.httpserver} API on top ({@link io.newsmetrics.aggregator.server.ApiServer}).
 */
package io.newsmetrics.aggregator.server;
