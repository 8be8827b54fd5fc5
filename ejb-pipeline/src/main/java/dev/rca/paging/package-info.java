/**
 * Paging, once for every listing: the bounds check and the filtered query ({@code FilteredPage}), the page
 * ({@code Page}, or a record of the API's own shape that is {@code Paged}) and what a pager needs of it.
 */
package dev.rca.paging;
