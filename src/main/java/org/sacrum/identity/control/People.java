package org.sacrum.identity.control;

import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.control.UniqueKeys;
import org.sacrum.platform.entity.Violation;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.sacrum.platform.entity.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People and their passwords. Passwords are only ever stored as PBKDF2 hashes. */
@Stateless
public class People {
    /** Compared against when the user is unknown, so unknown user and wrong password take the same time. */
    private static volatile String decoyHash;
    /** PBKDF2-HMAC-SHA512 iterations for a person's password (OWASP's 2023 figure). */
    static final int PASSWORD_ITERATIONS = 210_000;
    /** Soteria's lowest accepted count, for random secrets only ({@link #hashRandomSecret}). */
    static final int RANDOM_SECRET_ITERATIONS = 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    LoginThrottle throttle;

    public Optional<Person> byUsername(String username) {
        return em.createNamedQuery("Person.byUsername", Person.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    public Optional<Person> byId(String id) {
        return Optional.ofNullable(em.find(Person.class, id));
    }

    /** The usernames of these people, by id, in one query (a page naming many authors); unknown ids are left out. */
    public java.util.Map<String, String> usernames(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        em.createQuery("SELECT p.id, p.username FROM Person p WHERE p.id IN :ids", Object[].class).setParameter("ids", List.copyOf(ids))
                .getResultList().forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    public List<Person> all() {
        return em.createNamedQuery("Person.all", Person.class).getResultList();
    }

    /** The active people holding this role, their rows locked until the transaction ends (two admins cannot remove each other at once). */
    public List<Person> activeWithRoleLocked(Role role) {
        return em.createNamedQuery("Person.activeWithRole", Person.class).setParameter("role", role)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public boolean anyoneHas(Role role) {
        return em.createNamedQuery("Person.countWithRole", Long.class).setParameter("role", role).getSingleResult() > 0;
    }

    public Person create(Person person, String password) {
        if (password != null) {
            person.passwordHash(hash(password));
        }
        em.persist(person);
        try {
            em.flush(); // a concurrent create of the same username fails here, on its unique key, not as a 500 at commit
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e, null)) { // the person table's only unique key besides the generated id
                throw usernameTaken();
            }
            throw e;
        }
        return person;
    }

    public static ProblemException usernameTaken() {
        return ProblemException.conflict("username-taken", "That username is taken.",
                List.of(new Violation("username", "username-unique", "is already taken")));
    }

    public String hash(String password) {
        return hash(password, PASSWORD_ITERATIONS);
    }

    /**
     * The hash of a machine-made secret of at least 128 random bits that no person chooses or sees (the seed's
     * demo accounts): iterations slow down guessing a person's password, and nobody guesses 2^128 values, so the
     * container's minimum is enough. The seed's 46 sign-offs each verify the demo clinician's password: at
     * {@value #PASSWORD_ITERATIONS} iterations (about 0.3 s each on 2 cores) that was half of every first boot's seed.
     */
    public String hashRandomSecret(String secret) {
        return hash(secret, RANDOM_SECRET_ITERATIONS);
    }

    private String hash(String password, int iterations) {
        passwordHash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations)));
        return passwordHash.generate(password.toCharArray());
    }

    /** The active person with this username and password, checked in constant time whether or not they exist. */
    public Optional<Person> authenticate(String username, String password) {
        Optional<Person> person = byUsername(username).filter(Person::active);
        String stored = person.map(Person::passwordHash).orElse(null);
        boolean matches = verify(password, stored != null ? stored : decoy());
        return matches && stored != null ? person : Optional.empty();
    }

    /**
     * A signed-in person re-entering their password (to change it, to sign an approval). Counts toward the same
     * throttle as password sign-in: a locked username is refused with 429 before the password is checked.
     */
    public boolean reenter(Person person, String password) {
        if (password == null || password.isEmpty()) {
            return false; // nothing was guessed
        }
        long locked = throttle.attempt(person.username());
        if (locked > 0) {
            throw ProblemException.throttled(locked, "Too many wrong passwords for this account; try again later.");
        }
        boolean matches = verify(password, person.passwordHash());
        if (matches) {
            throttle.succeeded(person.username());
        }
        return matches;
    }

    public boolean verify(String password, String stored) {
        passwordHash.initialize(Map.of());
        return password != null && stored != null && passwordHash.verify(password.toCharArray(), stored);
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = hash("decoy-" + System.nanoTime());
        }
        return decoyHash;
    }
}
