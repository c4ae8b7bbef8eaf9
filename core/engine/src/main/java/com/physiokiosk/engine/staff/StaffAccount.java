package com.physiokiosk.engine.staff;

/**
 * A staff account as the staff pages show it. The password hash never leaves the repository.
 *
 * @param username sign-in name, lower case
 * @param role     what the account may do
 * @param disabled whether an admin switched the account off
 */
public record StaffAccount(String username, Role role, boolean disabled) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
