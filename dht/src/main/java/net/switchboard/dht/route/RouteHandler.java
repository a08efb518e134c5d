package net.switchboard.dht.route;

/** Receives messages routed to this node. Runs on the node's thread; must not block. */
@FunctionalInterface
public interface RouteHandler {
  /**
   * A whole message arrived. Reply with {@link RoutedMessage#reply}; call {@link
   * RoutedMessage#holdReply} first to reply later (within the route timeout). A handler that
   * neither replies nor holds gets an empty reply sent for it.
   */
  void onRouted(RoutedMessage message);
}
