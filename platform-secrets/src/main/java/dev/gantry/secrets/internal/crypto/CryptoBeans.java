package dev.gantry.secrets.internal.crypto;

import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoBeans {

    @Bean
    AesGcm secretsAesGcm() {
        return new AesGcm(new SecureRandom());
    }

    @Bean
    EnvelopeCipher secretsEnvelopeCipher(AesGcm aes) {
        return new EnvelopeCipher(aes);
    }
}
