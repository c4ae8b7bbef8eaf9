package com.physiokiosk.ui.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a staff route, given with the route in the one routes table and enforced by
 * {@link Security#checkAccess}. A route under {@code /staff} without one is refused to everyone,
 * so a route someone forgets to mark fails closed.
 */
public enum Access implements RouteRole {
    /** Open before signing in: the sign-in and set-up pages. */
    ANYONE,
    /** Any signed-in staff member. */
    STAFF,
    /** Signed-in admins only. */
    ADMIN
}
