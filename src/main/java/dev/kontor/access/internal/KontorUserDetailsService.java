package dev.kontor.access.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for the sign-in form and HTTP Basic. */
@Service
class KontorUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    KontorUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var user = users.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = users.passwordHash(user.username()).orElseThrow();
        return new KontorUser(user.asActor(), hash, user.enabled());
    }
}
