package org.sacrum.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sacrum.platform.entity.Ids;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Someone who uses Sacrum: author, clinician, publisher or admin. Clinicians carry a registered credential. */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.byUsername", query = "SELECT p FROM Person p WHERE p.username = :username")
@NamedQuery(name = "Person.all", query = "SELECT p FROM Person p ORDER BY p.username")
@NamedQuery(name = "Person.countWithRole", query = "SELECT COUNT(p) FROM Person p JOIN p.roles r WHERE r = :role")
@NamedQuery(name = "Person.activeWithRole", query = "SELECT p FROM Person p WHERE p.active = true AND :role MEMBER OF p.roles")
public class Person {
    @Id
    private String id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    private String profession;
    @Column(name = "registration_body")
    private String registrationBody;
    @Column(name = "registration_number")
    private String registrationNumber;
    /** A demonstration account (the seed's reviewer): its approvals never count as clinical review. */
    private boolean demo;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Person() {
    }

    public Person(String username, String displayName, Set<Role> roles, boolean demo) {
        this.id = Ids.next();
        this.username = username;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.demo = demo;
        this.active = true;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public void email(String email) {
        this.email = email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean demo() {
        return demo;
    }

    public boolean active() {
        return active;
    }

    public void active(boolean active) {
        this.active = active;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public void grant(Role role) {
        roles.add(role);
    }

    public void revoke(Role role) {
        roles.remove(role);
    }

    public void credential(String profession, String registrationBody, String registrationNumber) {
        this.profession = profession;
        this.registrationBody = registrationBody;
        this.registrationNumber = registrationNumber;
    }

    public String profession() {
        return profession;
    }

    public String registrationBody() {
        return registrationBody;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    /** "Physiotherapist, HCPC PH123456", or null when the person has no recorded credential. */
    public String credential() {
        if (isBlank(profession) || isBlank(registrationBody) || isBlank(registrationNumber)) {
            return null;
        }
        return profession + ", " + registrationBody + " " + registrationNumber;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public Instant createdAt() {
        return createdAt;
    }
}
