package dev.kontor.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over the limit is answered before anything reads its body: a page goes back to the imports page saying
 * so, the API answers 413 as problem+json.
 */
class UploadLimitTest {

    private final RequestSizeLimit limits = new RequestSizeLimit();

    private static MockHttpServletRequest post(String uri, long length) {
        return new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
    }

    @Test
    void aPageUploadOverTheLimitGoesBackSayingSo() throws Exception {
        var filter = limits.pageUploadLimitFilter(DataSize.ofMegabytes(100)).getFilter();
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post("/imports", 200L * 1024 * 1024), response, chain);
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/imports?tooLarge=100MB");
        assertThat(chain.getRequest()).isNull();

        MockHttpServletResponse fine = new MockHttpServletResponse();
        MockFilterChain passes = new MockFilterChain();
        filter.doFilter(post("/imports", 1024), fine, passes);
        assertThat(passes.getRequest()).isNotNull();
    }

    @Test
    void anApiUploadOverTheLimitIs413() throws Exception {
        var filter = limits.requestSizeLimitFilter(DataSize.ofMegabytes(1), DataSize.ofMegabytes(100))
                .getFilter();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("/api/imports", 200L * 1024 * 1024), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("problems/too-large");

        MockHttpServletResponse file = new MockHttpServletResponse();
        MockFilterChain passes = new MockFilterChain();
        filter.doFilter(post("/api/imports", 50L * 1024 * 1024), file, passes);
        assertThat(passes.getRequest())
                .as("a 50 MB file is within the uploads' limit")
                .isNotNull();
    }
}
